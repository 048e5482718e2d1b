import { getFormatter, getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/auth/action";
import type { CommentSide } from "@/lib/generated/prisma/enums";
import { dateTime } from "./format";
import { ReviewForm } from "./review-form";
import { Textarea } from "./textarea";

type Comment = { id: string; side: CommentSide; body: string; author: string | null; createdAt: Date };
type Action = (prev: ActionState<{ message: string }>, formData: FormData) => Promise<ActionState<{ message: string }>>;

/** The conversation between merchant and reviewer about one version, with a reply form. */
export async function Thread({ comments, action, hidden, canWrite }: { comments: Comment[]; action: Action; hidden: Record<string, string>; canWrite: boolean }) {
  const [t, format] = await Promise.all([getTranslations("review"), getFormatter()]);
  const fieldId = `comment-${hidden.versionId ?? "v"}`;
  return (
    <div className="space-y-4">
      {comments.length === 0 ? (
        <p className="text-sm text-slate-600">{t("thread.empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("thread.title")}>
          {comments.map((c) => (
            <li key={c.id} className={c.side === "REVIEWER" ? "rounded-md bg-indigo-50 p-3" : "rounded-md bg-slate-50 p-3"} data-side={c.side}>
              <p className="text-xs text-slate-600">
                <span className="font-medium text-slate-800">{c.side === "REVIEWER" ? t("thread.reviewer") : t("thread.merchant")}</span>
                {c.author ? ` · ${c.author}` : ""} · {dateTime(format, c.createdAt)}
              </p>
              <p className="mt-1 text-sm whitespace-pre-wrap text-slate-900">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <ReviewForm action={action} hidden={hidden} submitLabel={t("thread.send")} pendingLabel={t("thread.sending")} variant="secondary" size="sm" done={{ commented: t("done.commented") }}>
          <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
            {t("thread.label")}
          </label>
          <Textarea id={fieldId} name="body" required maxLength={4000} />
        </ReviewForm>
      ) : null}
    </div>
  );
}
