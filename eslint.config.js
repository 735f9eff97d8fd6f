import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "build-load/**", "build-before/**", "build-e2e-*/**", "test-results-*/**", ".exp/**", "node_modules/**", "app/generated/**", "tests/.tmp/**", "test-results/**", "playwright-report/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    // Forms validate one way (app/components/form-validation.ts): a form that
    // sets its own timing brought back the lost first click after a correction.
    // Actions read forms one way (app/utils/form.server.ts, decision 013): body
    // types, sizes and text cleaning are checked in one place.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/utils/form.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.name='useForm'] Property[key.name=/^(shouldValidate|shouldRevalidate|onValidate)$/]",
          message: "Spread validateWith(schema) from ~/components/form-validation instead: it keeps every form's validation timing the same.",
        },
        {
          selector: "CallExpression[callee.object.name='request'][callee.property.name=/^(formData|json|text|arrayBuffer|blob)$/]",
          message: "Read a posted form with readForm(request) from ~/utils/form.server: it refuses what is not a form, limits its size and cleans its text.",
        },
      ],
    },
  },
  {
    files: ["tests/**", "scripts/**", "prisma/**", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "no-console": "off" },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
);
