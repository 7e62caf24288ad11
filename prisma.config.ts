// Prisma CLI configuration. The JS engine with the pg driver adapter lets `prisma generate` and
// `prisma migrate diff` run on machines that cannot download Prisma's native engines (README, Architecture).
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: () =>
    Promise.resolve(
      new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' }),
    ),
});
