/** Inputs of sign-in, first-run setup and account creation. */
import { z } from "zod";
import { ROLES } from "@/lib/access/permissions";
import { boundaryString } from "@/lib/validation/text";

const email = boundaryString({ error: "Email is required" }).trim().toLowerCase().max(254, "Email is too long").pipe(z.email("Enter a valid email address"));

export const signInSchema = z.object({
  email,
  password: boundaryString({ error: "Password is required" }).min(1, "Password is required").max(256, "Password is too long"),
});

export const newPasswordSchema = boundaryString({ error: "Password is required" }).min(12, "Use at least 12 characters").max(256, "Password is too long");

export const accountSchema = z.object({
  name: boundaryString({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
  email,
  password: newPasswordSchema,
});

export const createUserSchema = accountSchema.extend({
  role: z.enum(ROLES, { error: "Choose a role" }),
});

export const setRoleSchema = z.object({
  userId: boundaryString().min(1).max(64),
  role: z.enum(ROLES, { error: "Choose a role" }),
});
