/** Inputs of sign-in, first-run setup and account creation. */
import { z } from "zod";
import { ROLES } from "./permissions";

const email = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(256, "Password is too long"),
});

export const newPasswordSchema = z
  .string({ error: "Password is required" })
  .min(12, "Use at least 12 characters")
  .max(256, "Password is too long");

export const accountSchema = z.object({
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
  email,
  password: newPasswordSchema,
});

export const createUserSchema = accountSchema.extend({
  role: z.enum(ROLES, { error: "Choose a role" }),
});

export const setRoleSchema = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(ROLES, { error: "Choose a role" }),
});
