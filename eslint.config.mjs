import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The rings of STYLE.md, held by the linter: lib/ never imports Next.js, React or MUI (except the
// lib/auth bridge and lib/i18n/request.ts), and components/ never reach the database.
const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/auth/**", "lib/i18n/request.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["next", "next/*", "react", "react-dom", "@mui/*", "next-auth", "next-auth/*"], message: "lib/ is framework-free (STYLE.md §1)." },
      ] }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/lib/db/*", "@/lib/cases/*"], message: "components/ never reach the database (STYLE.md §1)." },
      ] }],
    },
  },
  {
    // sqlOf(tx) needs to know the transaction's connection: transactions open through
    // lib/db/sql.ts `transaction()` (decision 0008).
    files: ["lib/**/*.ts", "app/**/*.{ts,tsx}", "prisma/**/*.ts"],
    ignores: ["lib/db/sql.ts", "lib/generated/**"],
    rules: {
      "no-restricted-syntax": ["error", {
        selector: "MemberExpression[property.name='$transaction']",
        message: "Open transactions with transaction() of lib/db/sql.ts (decision 0008).",
      }],
    },
  },
  {
    // Test, e2e and benchmark tooling lives under tests/ (issue 14); the application never imports it.
    files: ["lib/**/*.ts", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "prisma/**/*.ts"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: [
        { target: ["./lib", "./app", "./components", "./prisma"], from: "./tests", message: "tests/ is tooling: the application never imports it." },
      ] }],
    },
  },
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];
export default config;
