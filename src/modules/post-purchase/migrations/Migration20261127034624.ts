import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127034624 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pp_followup" alter column "order_id" type text using ("order_id"::text);`);
    this.addSql(`alter table if exists "pp_followup" alter column "order_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pp_followup" alter column "order_id" type text using ("order_id"::text);`);
    this.addSql(`alter table if exists "pp_followup" alter column "order_id" set not null;`);
  }

}
