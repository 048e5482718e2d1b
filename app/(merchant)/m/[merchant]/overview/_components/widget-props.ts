import type { AttributionView } from "@/lib/attribution/view";

export type WidgetProps = { merchantId: string; slug: string; view: AttributionView };
