// What a merchant sees of platform staff in its own audit log: that Skillgate staff acted, not
// who (email) nor from where (IP). Staff identities stay in the platform's audit log
// (/admin/audit). Members of the merchant, and system actors, are shown as recorded.

export type AuditActorFields = { actorId: string | null; actorLabel: string; ip: string | null };

export function maskStaffActors<E extends AuditActorFields>(events: readonly E[], staffIds: ReadonlySet<string>, staffLabel: string): E[] {
  return events.map((event) => (event.actorId !== null && staffIds.has(event.actorId) ? { ...event, actorLabel: staffLabel, ip: null } : event));
}
