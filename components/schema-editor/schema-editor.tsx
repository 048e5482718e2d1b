"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { controlClasses } from "@/components/ui/input";
import { parseJsonText, type SchemaTextIssue } from "@/lib/integrations/json-text";

export type RemoteSchemaCheck = (text: string, optional: boolean) => Promise<SchemaTextIssue[] | null>;

/**
 * A JSON Schema field: a monospace text area checked as you type — JSON syntax with line and
 * column here, then (debounced) the meta-schema with the path of each problem through `check`
 * (a server action: Ajv cannot compile under the CSP in the browser). The form still submits
 * the text; the server checks it again on save.
 */
export function SchemaEditor({
  id,
  name,
  label,
  hint,
  defaultValue,
  optional = false,
  serverErrors,
  check,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  defaultValue: string;
  optional?: boolean;
  serverErrors?: string[];
  check: RemoteSchemaCheck;
}) {
  const t = useTranslations("integrations.schemaEditor");
  const [text, setText] = useState(defaultValue);
  const [touched, setTouched] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const statusId = useId();
  const parsed = useMemo(() => {
    if (text.trim() === "") return optional ? { ok: true as const, value: null } : { ok: false as const, issue: { kind: "syntax" as const, message: t("required"), line: 1, column: 1 } };
    return parseJsonText(text);
  }, [text, optional, t]);
  const [remote, setRemote] = useState<{ text: string; issues: SchemaTextIssue[] } | null>(null);
  useEffect(() => {
    if (!parsed.ok || parsed.value === null) return;
    let current = true;
    const timer = setTimeout(async () => {
      const issues = await check(text, optional).catch(() => null);
      if (current && issues) setRemote({ text, issues });
    }, 350);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [parsed, text, optional, check]);
  const remoteIssues = remote?.text === text ? remote.issues : null;
  const issues: SchemaTextIssue[] = !parsed.ok ? [parsed.issue] : (remoteIssues ?? []);
  const result = parsed;
  const shownServerErrors = touched ? [] : (serverErrors ?? []);
  const invalid = issues.length > 0 || shownServerErrors.length > 0;
  const lines = text.split("\n").length;

  const goTo = (issue: SchemaTextIssue) => {
    const el = area.current;
    if (!el || issue.line === undefined) return;
    const before = text.split("\n").slice(0, issue.line - 1).join("\n");
    const offset = (issue.line > 1 ? before.length + 1 : 0) + (issue.column ?? 1) - 1;
    el.focus();
    el.setSelectionRange(offset, Math.min(offset + 1, text.length));
  };

  return (
    <div className="space-y-1.5">
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <Button
          size="sm"
          variant="ghost"
          disabled={!result.ok || result.value === null}
          onClick={() => result.ok && result.value && setText(JSON.stringify(result.value, null, 2))}
        >
          {t("format")}
        </Button>
      </div>
      <textarea
        ref={area}
        id={id}
        name={name}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setTouched(true);
        }}
        rows={Math.min(18, Math.max(6, lines + 1))}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={invalid || undefined}
        aria-describedby={statusId}
        className={cx(controlClasses, "font-mono text-xs leading-5")}
      />
      <div id={statusId} aria-live="polite" className="text-sm">
        {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
        {invalid ? (
          <ul className="mt-1 space-y-1 text-red-700">
            {issues.map((issue, i) => (
              <li key={`c${i}`}>
                {issue.kind === "syntax" && issue.line !== undefined ? (
                  <>
                    <button type="button" className="font-mono underline underline-offset-2" onClick={() => goTo(issue)}>
                      {t("at", { line: issue.line, column: issue.column ?? 1 })}
                    </button>{" "}
                    {t("syntax")}: {issue.message}
                  </>
                ) : (
                  <>
                    <code className="font-mono">{issue.path || "/"}</code> {issue.message}
                  </>
                )}
              </li>
            ))}
            {shownServerErrors.map((message, i) => (
              <li key={`s${i}`}>{message}</li>
            ))}
          </ul>
        ) : (
          <p className={cx("mt-1", remoteIssues ? "text-emerald-700" : "text-slate-500")}>
            {result.ok && result.value === null ? t("empty") : remoteIssues ? t("valid") : t("checking")}
          </p>
        )}
      </div>
    </div>
  );
}
