"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { changeRole, changeRoleInput } from "@/lib/server/accounts/change-role";

/** Thin server actions for the admin area: each validates, checks the role and calls one use case. */

export const changeRoleAction = defineAction({
  name: "admin.changeRole",
  access: { kind: "permission", permission: "account.manageRoles" },
  input: changeRoleInput,
  run: async ({ input, user, requestId }) => {
    const result = await changeRole(user.id, input, requestId);
    revalidatePath("/[locale]/(admin)/admin/users", "page");
    return result;
  },
});
