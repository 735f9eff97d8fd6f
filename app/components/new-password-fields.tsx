// The new password, typed twice: one pair of fields for every form that sets a
// password (the account page's change of password, a set-up code).
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "~/components/form";

export function NewPasswordFields({ newPassword, confirmPassword }: { newPassword: FieldMetadata<string>; confirmPassword: FieldMetadata<string> }) {
  return (
    <>
      <Field
        label="New password"
        hint="At least 10 characters."
        errors={newPassword.errors}
        inputProps={{ ...getInputProps(newPassword, { type: "password" }), autoComplete: "new-password" }}
      />
      <Field
        label="New password again"
        errors={confirmPassword.errors}
        inputProps={{ ...getInputProps(confirmPassword, { type: "password" }), autoComplete: "new-password" }}
      />
    </>
  );
}
