// The LMS registration form (decision 023), for a new platform and an existing one.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { validateWith } from "~/components/form-validation";
import { Field, FormAlert, SubmitButton, TextareaField } from "~/components/form";
import { ltiPlatformSchema } from "~/schemas/lti";

export type PlatformDefaults = { name: string; issuer: string; clientId: string; authUrl: string; tokenUrl: string; jwksUrl: string; deploymentIds: string };

export function LtiPlatformForm({
  id,
  intent,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  id: string;
  intent?: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: PlatformDefaults;
  submitLabel: string;
}) {
  const [form, fields] = useForm({ id, lastResult, defaultValue, ...validateWith(ltiPlatformSchema) });
  const text = (field: (typeof fields)[keyof typeof fields]) => getInputProps(field, { type: "text" });
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <Field label="Name" hint="How teachers and you will recognise it, e.g. “Moodle (school)”." errors={fields.name.errors} inputProps={text(fields.name)} />
      <Field label="Issuer (platform id)" hint="The LMS's own address as it signs launches (iss)." errors={fields.issuer.errors} inputProps={{ ...text(fields.issuer), inputMode: "url" }} />
      <Field label="Client id" hint="The id the LMS gave Rebound when you added it as a tool." errors={fields.clientId.errors} inputProps={{ ...text(fields.clientId), autoComplete: "off", spellCheck: false }} />
      <TextareaField
        label="Deployment ids"
        hint="One per line. Launches from any other deployment are refused."
        errors={fields.deploymentIds.errors}
        textareaProps={{ ...getTextareaProps(fields.deploymentIds), rows: 2, spellCheck: false }}
      />
      <Field label="Authentication request address" hint="OIDC authorization endpoint." errors={fields.authUrl.errors} inputProps={{ ...text(fields.authUrl), inputMode: "url" }} />
      <Field label="Access token address" hint="For the roster (NRPS) and grades (AGS)." errors={fields.tokenUrl.errors} inputProps={{ ...text(fields.tokenUrl), inputMode: "url" }} />
      <Field label="Public keyset address" hint="The LMS's JWKS: launches are checked against these keys." errors={fields.jwksUrl.errors} inputProps={{ ...text(fields.jwksUrl), inputMode: "url" }} />
      <FormAlert message={form.errors} />
      <SubmitButton intent={intent} pendingText="Saving…">
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
