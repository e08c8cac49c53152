import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126164924 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pp_order_anchor" drop constraint if exists "pp_order_anchor_anchor_check";`);

    this.addSql(`alter table if exists "pp_flow_setting" add column if not exists "anchor" text null;`);

    this.addSql(`alter table if exists "pp_order_anchor" add constraint "pp_order_anchor_anchor_check" check("anchor" in ('placed', 'shipped', 'delivered'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pp_order_anchor" drop constraint if exists "pp_order_anchor_anchor_check";`);

    this.addSql(`alter table if exists "pp_flow_setting" drop column if exists "anchor";`);

    this.addSql(`alter table if exists "pp_order_anchor" add constraint "pp_order_anchor_anchor_check" check("anchor" in ('placed'));`);
  }

}
