import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126235402 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_survey_answer" ("id" text not null, "order_id" text not null, "customer_id" text null, "email" text not null, "score" integer not null, "comment" text null, "improvement" text null, "locale" text null, "answered_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_survey_answer_pkey" primary key ("id"), constraint pp_survey_answer_score_range check (score BETWEEN 0 AND 10));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_survey_answer_deleted_at" ON "pp_survey_answer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_survey_answer_order_id" ON "pp_survey_answer" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_survey_answer_answered_at" ON "pp_survey_answer" ("answered_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_survey_answer" cascade;`);
  }

}
