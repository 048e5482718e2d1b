import { redirect } from "next/navigation";
import { merchantHref } from "@/lib/navigation";

export default async function MerchantIndex({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant } = await params;
  redirect(merchantHref(merchant));
}
