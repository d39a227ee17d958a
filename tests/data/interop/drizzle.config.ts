// drizzle-kit's configuration for DrizzleInteropTest, which copies this folder into a fresh
// temporary folder and sets STRATA_INTEROP_DATABASE_URL to a database of its own server.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './schema.ts',
  out: './drizzle',
  dbCredentials: {
    url: process.env.STRATA_INTEROP_DATABASE_URL!,
  },
});
