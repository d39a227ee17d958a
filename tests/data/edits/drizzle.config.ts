// drizzle-kit's configuration for DrizzleEditsTest, which copies this folder into a fresh
// temporary folder and runs only `drizzle-kit generate` there: no database is needed.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './schema.ts',
  out: './drizzle',
});
