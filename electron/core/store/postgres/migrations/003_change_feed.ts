// Team database migration 3: the change feed, so a change made on one desktop appears on the
// others within seconds (store/postgres/change-feed.ts). Never edit once landed: add the next number.
//
// - Every statement that changes numbers or another table a window shows appends one row to
//   `changes` (statement-level triggers with transition tables: an import batch of 5,000 numbers
//   is one row, not 5,000) and NOTIFYs number_inventory_changes. NOTIFY is only the wake-up: it
//   is delivered at commit and never replayed, so readers read `changes` itself from their cursor.
// - A cursor of ids alone would skip a row whose transaction took its id first but committed last;
//   each row keeps its transaction's id (txid), and a reader re-reads the rows of transactions
//   that were still running at its last read (txid >= that snapshot's xmin).
// - `client` is the writing process's own tag (the connection option number_inventory.client), so
//   a desktop need not announce twice what it already announced itself.
// - The numbers of a statement, up to 100 (more: NULL, "anything may have changed"), and the
//   states they left and entered, so a window refreshes only what it shows.
// - The trigger functions run as their owner: an operator's login needs only to read `changes`.
const NOTE_CHANGE = `
  INSERT INTO changes (scope, client, numbers, states)
  VALUES (scope, nullif(current_setting('number_inventory.client', true), ''), numbers, states);
  PERFORM pg_notify('number_inventory_changes', '');`;

export const migration003 = {
  version: 3,
  name: 'change feed for live updates between desktops',
  sql: `
  CREATE TABLE changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    at timestamptz NOT NULL DEFAULT now(),
    scope text NOT NULL CHECK (scope IN ('numbers', 'organizations', 'settings', 'notifications', 'outbox')),
    client text,
    numbers text[],
    states text[]
  );
  CREATE INDEX changes_txid ON changes (txid);

  CREATE FUNCTION changes_of_numbers() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
      scope text := 'numbers';
      numbers text[];
      states text[];
    BEGIN
      IF TG_OP = 'INSERT' THEN
        SELECT CASE WHEN count(*) <= 100 THEN array_agg(number ORDER BY number) END, array_agg(DISTINCT state)
          INTO numbers, states FROM new_rows;
      ELSE
        SELECT CASE WHEN count(*) <= 100 THEN array_agg(n.number ORDER BY n.number) END,
               (SELECT array_agg(DISTINCT s) FROM (SELECT state FROM old_rows UNION SELECT state FROM new_rows) AS t (s))
          INTO numbers, states FROM new_rows n;
      END IF;
      IF states IS NULL THEN RETURN NULL; END IF;
      ${NOTE_CHANGE}
      RETURN NULL;
    END $$;
  CREATE TRIGGER numbers_inserted_change AFTER INSERT ON numbers REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION changes_of_numbers();
  CREATE TRIGGER numbers_updated_change AFTER UPDATE ON numbers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION changes_of_numbers();

  CREATE FUNCTION changes_of_table() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
      scope text := TG_ARGV[0];
      numbers text[] := NULL;
      states text[] := NULL;
    BEGIN
      ${NOTE_CHANGE}
      RETURN NULL;
    END $$;
  CREATE TRIGGER organizations_change AFTER INSERT OR UPDATE OR DELETE ON organizations
    FOR EACH STATEMENT EXECUTE FUNCTION changes_of_table('organizations');
  CREATE TRIGGER settings_change AFTER INSERT OR UPDATE OR DELETE ON settings
    FOR EACH STATEMENT EXECUTE FUNCTION changes_of_table('settings');
  CREATE TRIGGER notifications_change AFTER INSERT OR UPDATE OR DELETE ON notifications
    FOR EACH STATEMENT EXECUTE FUNCTION changes_of_table('notifications');
  CREATE TRIGGER outbox_change AFTER INSERT OR UPDATE OR DELETE ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION changes_of_table('outbox');
`,
};
