import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/forms/inline-action-form";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePlatform } from "@/lib/auth/session";
import { PlatformRole } from "@/lib/generated/prisma/enums";
import { listUsers } from "@/lib/data/users";
import { listUsersQuerySchema } from "@/lib/validation/users";
import { setPlatformRoleAction, setUserStatusAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("title") };
}

function pageHref(q: string | undefined, page: number) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePlatform("admin:reviewers");
  const { q, page } = listUsersQuerySchema.parse(await searchParams);
  const [{ users, total, pageCount }, t, format] = await Promise.all([
    listUsers({ query: q || undefined, page }),
    getTranslations("adminUsers"),
    getFormatter(),
  ]);
  const roleOptions = Object.values(PlatformRole).map((value) => ({ value, label: t(`platformRoles.${value}`) }));

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />

      <form role="search" action="/admin/users" className="flex max-w-md items-end gap-2">
        <div className="flex-1">
          <label htmlFor="users-q" className="block text-sm font-medium text-slate-800">
            {t("search")}
          </label>
          <Input id="users-q" name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} />
        </div>
        <Button type="submit" variant="secondary">
          {t("searchSubmit")}
        </Button>
      </form>

      {users.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table>
          <TableCaption>{t("caption", { total })}</TableCaption>
          <THead>
            <TR>
              <TH>{t("name")}</TH>
              <TH>{t("email")}</TH>
              <TH>{t("status")}</TH>
              <TH>{t("platformRole")}</TH>
              <TH>{t("merchants")}</TH>
              <TH>{t("created")}</TH>
              <TH>{t("actions")}</TH>
            </TR>
          </THead>
          <TBody>
            {users.map((user) => {
              const self = user.id === admin.id;
              const disabled = user.status === "DISABLED";
              return (
                <TR key={user.id}>
                  <TD>
                    {user.name}
                    {self ? <span className="ml-1 text-slate-500">({t("you")})</span> : null}
                  </TD>
                  <TD>{user.email}</TD>
                  <TD>
                    <Badge tone={disabled ? "danger" : "success"}>{t(`statuses.${user.status}`)}</Badge>
                  </TD>
                  <TD>
                    {self ? (
                      t(`platformRoles.${user.platformRole}`)
                    ) : (
                      <InlineActionForm action={setPlatformRoleAction} hidden={{ userId: user.id }} submitLabel={t("saveRole")} pendingLabel={t("working")}>
                        <label htmlFor={`platform-role-${user.id}`} className="sr-only">
                          {t("roleFor", { name: user.name })}
                        </label>
                        <div className="w-40">
                          <Select key={user.platformRole} id={`platform-role-${user.id}`} name="platformRole" options={roleOptions} defaultValue={user.platformRole} />
                        </div>
                      </InlineActionForm>
                    )}
                  </TD>
                  <TD>{user.membershipCount}</TD>
                  <TD>{format.dateTime(user.createdAt, { dateStyle: "medium" })}</TD>
                  <TD>
                    {self ? null : (
                      <InlineActionForm
                        action={setUserStatusAction}
                        hidden={{ userId: user.id, status: disabled ? "ACTIVE" : "DISABLED" }}
                        variant={disabled ? "secondary" : "danger"}
                        submitLabel={disabled ? t("enable") : t("disable")}
                        submitName={t(disabled ? "enableFor" : "disableFor", { name: user.name })}
                        pendingLabel={t("working")}
                      />
                    )}
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}

      {pageCount > 1 ? (
        <nav aria-label={t("pagination.label")} className="flex items-center gap-3 text-sm">
          {page > 1 ? (
            <Link href={pageHref(q, page - 1)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              {t("pagination.previous")}
            </Link>
          ) : null}
          <span className="text-slate-600">{t("pagination.page", { page, pages: pageCount })}</span>
          {page < pageCount ? (
            <Link href={pageHref(q, page + 1)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              {t("pagination.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
