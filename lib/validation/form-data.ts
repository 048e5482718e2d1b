/**
 * FormData as a plain object for zod: a field sent once becomes a string, a field sent several
 * times (checkbox groups) an array. Next's own `$ACTION_*` fields are left out.
 */
export function formDataToObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}
