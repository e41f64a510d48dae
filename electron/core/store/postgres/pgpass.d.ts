// The pgpass package (by node-postgres's authors) ships no types: the one call this project makes.
declare module 'pgpass' {
  interface PgPassConnection {
    host?: string;
    port?: number | string;
    database?: string;
    user?: string;
  }
  function pgpass(connection: PgPassConnection, done: (password: string | undefined) => void): void;
  export = pgpass;
}
