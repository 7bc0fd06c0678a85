import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The rings of STYLE.md, held by the linter (decision 0017): lib/ never imports Next.js, React or
// MUI (except the lib/auth bridge and lib/i18n/request.ts); lib/domain and lib/workflow import
// nothing with I/O; app/ reaches the database only through lib services; components/ import no
// lib service (types only).
const framework = { group: ["next", "next/*", "react", "react-dom", "@mui/*", "next-auth", "next-auth/*"], message: "lib/ is framework-free (STYLE.md §1)." };
const io = {
  group: [
    "@/lib/db", "@/lib/db/*", "**/db", "**/db/*", "@/lib/generated/*", "**/generated/*", "@prisma/*", ".prisma/*", "**/cases", "**/cases/*",
    "pg", "pg-boss", "pg/*", "@electric-sql/*", "fs", "fs/*", "node:fs", "node:fs/*", "child_process", "node:child_process", "net", "node:net", "http", "node:http",
    "@/lib/cases", "@/lib/cases/*", "@/lib/service", "@/lib/service/transaction", "@/lib/certificates/*", "@/lib/admin/*", "@/lib/supervision/*",
    "@/lib/people/*", "@/lib/audit/*", "@/lib/pdf/*", "@/lib/auth/session", "@/lib/auth/options", "@/lib/auth/sign-in", "@/lib/http/*", "@/lib/secrets",
  ],
  message: "lib/domain and lib/workflow are pure: no database, files, network or services (decision 0017). Pass data in; let lib/cases do the I/O.",
};
const services = [
  "@/lib/db", "@/lib/db/*", "@/lib/generated/*", "@/lib/cases", "@/lib/cases/*", "@/lib/certificates", "@/lib/certificates/*", "@/lib/service", "@/lib/service/*",
  "@/lib/admin/*", "@/lib/supervision/*", "@/lib/people/*", "@/lib/audit/*", "@/lib/auth/session", "@/lib/pdf/*",
];
const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/auth/**", "lib/i18n/request.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [framework] }],
    },
  },
  {
    files: ["lib/domain/**/*.ts", "lib/workflow/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [framework, io] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*", "@/lib/generated/*", "**/lib/generated/*", "@prisma/*"], message: "app/ reaches the database only through a lib service (decision 0017)." },
      ] }],
    },
  },
  {
    // Types only (`import type`): a component may name a service's result, never call it.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [
        { group: services, allowTypeImports: true, message: "components/ import no lib service and never reach the database (STYLE.md §1, decision 0017); pass data and actions in as props." },
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
