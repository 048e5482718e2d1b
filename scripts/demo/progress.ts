// The progress bar shown while demo data is generated (by `npm start` and `npm run demo:generate`).
import cliProgress from "cli-progress";
import type { SeedPhase, SeedProgress } from "./seed";

const phaseLabels: Record<SeedPhase, string> = {
  catalogue: "catalogue",
  orders: "orders   ",
  indexes: "indexes  ",
  rollups: "rollups  ",
};

export function renderProgress(): { update: (progress: SeedProgress) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { format: " {phase} [{bar}] {percentage}% | {value}/{total}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let current: SeedPhase | null = null;
  return {
    update: ({ phase, done, total }) => {
      if (phase !== current) {
        if (current) bar.stop();
        bar.start(total, done, { phase: phaseLabels[phase] });
        current = phase;
      } else bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
