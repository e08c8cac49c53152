import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126235454 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_review_settings" ("id" text not null, "verification_statement" text null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_review_settings_pkey" primary key ("id"), constraint CHK_pp_review_settings_statement_length check (char_length(verification_statement) <= 1000));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_review_settings_deleted_at" ON "pp_review_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_review_moderated_at" ON "pp_review" ("moderated_at") WHERE deleted_at IS NULL AND moderated_at IS NOT NULL;`);
    this.addSql(`alter table if exists "pp_review" add constraint CHK_pp_review_reply_length check(char_length(reply) <= 2000);`);

    this.addSql(`alter table if exists "pp_review_aggregate" add column if not exists "verified_count" integer not null default 0;`);
    // aggregates made before the column count their verified reviews once; from now on each move keeps it
    this.addSql(`update "pp_review_aggregate" a set "verified_count" = (select count(*) from "pp_review" r where r."product_id" = a."product_id" and r."status" = 'approved' and r."verified" and r."deleted_at" is null) where a."deleted_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_review_settings" cascade;`);

    this.addSql(`drop index if exists "IDX_pp_review_moderated_at";`);
    this.addSql(`alter table if exists "pp_review" drop constraint if exists CHK_pp_review_reply_length;`);

    this.addSql(`alter table if exists "pp_review_aggregate" drop column if exists "verified_count";`);
  }

}
