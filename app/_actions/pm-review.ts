"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { assignReviewer, assignReviewerInput } from "@/lib/server/pm/assign-reviewer";
import { decidePm, decidePmInput } from "@/lib/server/pm/decide-pm";

/**
 * Thin server actions for reviewing project PMs (lib/server/pm). Coordinators and admins only;
 * the use cases check the role again (a participant account can never review) and refuse
 * decisions the PM's status machine does not allow.
 */

export const assignReviewerAction = defineAction({
  name: "pmReview.assignReviewer",
  access: { kind: "permission", permission: "pm.review" },
  input: assignReviewerInput,
  run: async ({ input, user, now }) => {
    const result = await assignReviewer(user, input, now);
    revalidatePath("/", "layout");
    return result;
  },
});

export const decidePmAction = defineAction({
  name: "pmReview.decide",
  access: { kind: "permission", permission: "pm.review" },
  input: decidePmInput,
  run: async ({ input, user, now }) => {
    const result = await decidePm(user, input, now);
    revalidatePath("/", "layout");
    return result;
  },
});
