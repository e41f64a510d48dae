-- Gives an operator login role exactly what Number Inventory needs on a team database: read and
-- change the inventory, append to the audit trail; never alter, drop or truncate tables, nor edit
-- or delete audit events. Run as the database owner after `number-inventory db migrate`:
--   psql -v role=OPERATOR -f resources/postgres/grant-operator.sql postgres://owner@host/inventory
-- The same as `number-inventory db grant OPERATOR`. Generated from electron/core/store/postgres/grant.ts.
\set ON_ERROR_STOP on
BEGIN;
GRANT CONNECT ON DATABASE :"DBNAME" TO :"role";
GRANT USAGE ON SCHEMA public TO :"role";
REVOKE CREATE ON SCHEMA public FROM :"role";
GRANT SELECT, INSERT, UPDATE ON numbers TO :"role";
GRANT SELECT, INSERT ON number_visibility TO :"role";
GRANT SELECT, INSERT ON events TO :"role";
GRANT SELECT, INSERT, UPDATE ON organizations TO :"role";
GRANT SELECT, INSERT, UPDATE ON settings TO :"role";
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_searches TO :"role";
GRANT SELECT, INSERT, UPDATE ON notifications TO :"role";
GRANT SELECT, INSERT, UPDATE ON outbox TO :"role";
GRANT SELECT, INSERT ON billing_events TO :"role";
GRANT SELECT, INSERT ON billing_event_numbers TO :"role";
GRANT SELECT, INSERT, DELETE ON number_stock_changes TO :"role";
GRANT SELECT, INSERT, UPDATE ON number_stock_counts TO :"role";
GRANT SELECT ON number_stock TO :"role";
GRANT SELECT, INSERT, DELETE ON low_stock_pairs TO :"role";
GRANT SELECT ON number_inventory_schema TO :"role";
GRANT SELECT ON changes TO :"role";
COMMIT;
