-- CreateTable
CREATE TABLE "DatabaseIdentity" (
    "id" UUID NOT NULL,
    "singleton" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatabaseIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DatabaseIdentity_singleton_key" ON "DatabaseIdentity"("singleton");


-- One row, made here, when the database is made: a database restored from a dump keeps its identity (its data is the
-- same), a new, empty database gets a new one. Workflows carry it and the worker compares it (ARCHITECTURE.md,
-- "Workflow identity"). gen_random_uuid() is built into PostgreSQL 13 and later.
ALTER TABLE "DatabaseIdentity" ADD CONSTRAINT "DatabaseIdentity_one_row" CHECK ("singleton");
INSERT INTO "DatabaseIdentity" ("id") VALUES (gen_random_uuid());

-- Nobody changes or removes it: a changed identity would orphan every running workflow, a removed one stop them all.
CREATE FUNCTION "database_identity_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'DatabaseIdentity never changes: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "DatabaseIdentity_immutable"
  BEFORE UPDATE OR DELETE ON "DatabaseIdentity"
  FOR EACH ROW EXECUTE FUNCTION "database_identity_immutable"();
