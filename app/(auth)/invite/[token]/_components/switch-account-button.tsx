"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** Signs out, then back to sign-in with a return to this invitation. */
export function SwitchAccountButton({ label, returnTo }: { label: string; returnTo: string }) {
  return (
    <Button variant="secondary" className="w-full" onClick={() => void signOut({ callbackUrl: `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` })}>
      {label}
    </Button>
  );
}
