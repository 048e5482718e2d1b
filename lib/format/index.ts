export { formatFen } from "./money";
export { formatDate, formatDateTime } from "./date";
export { formatPercentBps } from "./percent";
