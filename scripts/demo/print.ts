import { DEMO_PASSWORD, demoApiKeys, demoUsers } from "../../lib/demo/catalogue";

export function printDemoSignIns(): void {
  console.log(`Sign in with any of these, password ${DEMO_PASSWORD}:`);
  for (const user of demoUsers) {
    const roles = [
      ...user.memberships.map((m) => `${m.role} ${m.merchant}`),
      ...(user.platformRole !== "NONE" ? [`platform ${user.platformRole}`] : []),
    ];
    console.log(`  ${user.email.padEnd(26)} ${roles.join(", ")}`);
  }
  console.log(`\nDemo API keys (accepted only when SKILLGATE_DEMO_MODE=1):`);
  for (const key of demoApiKeys) console.log(`  ${key.name.padEnd(22)} ${key.secret}`);
}
