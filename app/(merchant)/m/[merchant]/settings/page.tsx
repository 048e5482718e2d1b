import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/forms/inline-action-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { MerchantRole } from "@/lib/generated/prisma/enums";
import { canAssignRole, canRemoveMember, rolesAssignableBy } from "@/lib/auth/member-rules";
import { requireMerchant } from "@/lib/auth/session";
import { merchantHref } from "@/lib/navigation";
import { listInvitations } from "@/lib/data/invitations";
import { listMembers } from "@/lib/data/memberships";
import { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "./actions";
import { InviteForm } from "./_components/invite-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant: slug } = await params;
  const ctx = await requireMerchant(slug, "members:manage");
  const [members, invitations, t, format] = await Promise.all([
    listMembers({ merchantId: ctx.merchant.id }),
    listInvitations({ merchantId: ctx.merchant.id }),
    getTranslations("members"),
    getFormatter(),
  ]);
  const auditLog = await getTranslations("auditLog");
  const roleLabel = (role: MerchantRole) => t(`roles.${role}`);
  const offered = rolesAssignableBy(ctx.role).map((role) => ({ value: role, label: roleLabel(role) }));
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        description={t("description", { merchant: ctx.merchant.name })}
        actions={
          <Link href={`${merchantHref(ctx.merchant.slug, "settings")}/audit`} className={buttonClasses({ variant: "secondary" })}>
            {auditLog("settingsLink")}
          </Link>
        }
      />

      <Card aria-labelledby="members-team">
        <CardHeader title={<span id="members-team">{t("list.title")}</span>} description={t("roleHelp")} />
        <CardBody className="p-0">
          <Table>
            <TableCaption className="sr-only">{t("list.caption", { merchant: ctx.merchant.name })}</TableCaption>
            <THead>
              <TR>
                <TH>{t("list.name")}</TH>
                <TH>{t("list.email")}</TH>
                <TH>{t("list.role")}</TH>
                <TH>{t("list.joined")}</TH>
                <TH>{t("list.actions")}</TH>
              </TR>
            </THead>
            <TBody>
              {members.map((member) => {
                const hidden = { merchant: ctx.merchant.slug, membershipId: member.id };
                const options = offered.filter((o) => canAssignRole(ctx.role, { current: member.role, next: o.value }));
                const mayChange = options.length > 0 && canAssignRole(ctx.role, { current: member.role, next: member.role });
                return (
                  <TR key={member.id}>
                    <TD>
                      {member.user.name}
                      {member.user.id === ctx.user.id ? <span className="ml-1 text-slate-500">({t("list.you")})</span> : null}
                      {member.user.status === "DISABLED" ? (
                        <span className="ml-2">
                          <Badge tone="danger">{t("list.disabled")}</Badge>
                        </span>
                      ) : null}
                    </TD>
                    <TD>{member.user.email}</TD>
                    <TD>
                      {mayChange ? (
                        <InlineActionForm action={changeMemberRoleAction} hidden={hidden} submitLabel={t("list.save")} pendingLabel={t("list.saving")}>
                          <label htmlFor={`role-${member.id}`} className="sr-only">
                            {t("list.roleFor", { name: member.user.name })}
                          </label>
                          {/* Keyed by the role so the picker shows the saved role once the page refreshes. */}
                          <div className="w-40">
                            <Select key={member.role} id={`role-${member.id}`} name="role" options={options} defaultValue={member.role} />
                          </div>
                        </InlineActionForm>
                      ) : (
                        roleLabel(member.role)
                      )}
                    </TD>
                    <TD>{date(member.createdAt)}</TD>
                    <TD>
                      {canRemoveMember(ctx.role, member.role) ? (
                        <InlineActionForm
                          action={removeMemberAction}
                          hidden={hidden}
                          variant="danger"
                          submitLabel={t("list.remove")}
                          submitName={t("list.removeFor", { name: member.user.name })}
                          pendingLabel={t("list.removing")}
                        />
                      ) : null}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        </CardBody>
      </Card>

      <Card aria-labelledby="members-invite">
        <CardHeader title={<span id="members-invite">{t("invite.title")}</span>} description={t("invite.description")} />
        <CardBody>
          <InviteForm merchant={ctx.merchant.slug} roles={offered} />
        </CardBody>
      </Card>

      <Card aria-labelledby="members-pending">
        <CardHeader title={<span id="members-pending">{t("pending.title")}</span>} />
        <CardBody className={invitations.length ? "p-0" : undefined}>
          {invitations.length === 0 ? (
            <p className="text-sm text-slate-600">{t("pending.empty")}</p>
          ) : (
            <Table>
              <TableCaption className="sr-only">{t("pending.caption")}</TableCaption>
              <THead>
                <TR>
                  <TH>{t("pending.email")}</TH>
                  <TH>{t("pending.role")}</TH>
                  <TH>{t("pending.expires")}</TH>
                  <TH>{t("pending.actions")}</TH>
                </TR>
              </THead>
              <TBody>
                {invitations.map((invitation) => (
                  <TR key={invitation.id}>
                    <TD>{invitation.email}</TD>
                    <TD>{roleLabel(invitation.role)}</TD>
                    <TD>{date(invitation.expiresAt)}</TD>
                    <TD>
                      <InlineActionForm
                        action={revokeInvitationAction}
                        hidden={{ merchant: ctx.merchant.slug, invitationId: invitation.id }}
                        submitLabel={t("pending.revoke")}
                        submitName={t("pending.revokeFor", { email: invitation.email })}
                        pendingLabel={t("pending.revoking")}
                      />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
