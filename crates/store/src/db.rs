//! One small interface over both backends: a connection that runs SQL with `?`
//! placeholders and returns rows of [`Val`]s. The store's logic (ingest, linking,
//! queries) is written once against it; the dialects differ only where the schema does
//! (full text, spatial index, auto-increment), and those places ask [`Conn::dialect`].

use std::collections::HashMap;
use std::time::Duration;

use crate::error::{from_postgres, from_sqlite, redact, Error, ErrorKind, Result};

/// A value bound to or read from SQL.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Val {
    pub fn int(&self) -> Option<i64> {
        match self {
            Val::Int(i) => Some(*i),
            Val::Real(f) => Some(*f as i64),
            Val::Text(s) => s.parse().ok(),
            Val::Null => None,
        }
    }
    pub fn real(&self) -> Option<f64> {
        match self {
            Val::Int(i) => Some(*i as f64),
            Val::Real(f) => Some(*f),
            Val::Text(s) => s.parse().ok(),
            Val::Null => None,
        }
    }
    pub fn text(&self) -> Option<&str> {
        match self {
            Val::Text(s) => Some(s),
            _ => None,
        }
    }
    pub fn string(&self) -> String {
        match self {
            Val::Text(s) => s.clone(),
            Val::Int(i) => i.to_string(),
            Val::Real(f) => f.to_string(),
            Val::Null => String::new(),
        }
    }
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::Int(v)
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Val {
        Val::Real(v)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Val {
        Val::Text(v.to_string())
    }
}
impl From<String> for Val {
    fn from(v: String) -> Val {
        Val::Text(v)
    }
}
impl<T: Into<Val>> From<Option<T>> for Val {
    fn from(v: Option<T>) -> Val {
        v.map_or(Val::Null, Into::into)
    }
}

/// The SQL dialect of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A connection to one of the backends.
pub(crate) trait Conn: Send {
    fn dialect(&self) -> Dialect;
    /// Runs a statement; returns the number of rows changed.
    fn execute(&mut self, sql: &str, params: &[Val]) -> Result<u64>;
    /// Runs a query; returns every row.
    fn rows(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Vec<Val>>>;
    /// Runs statements without parameters (schema, `BEGIN`, `COMMIT`).
    fn batch(&mut self, sql: &str) -> Result<()>;
    /// Starts a write transaction that holds the store's write lock until it ends.
    fn begin_write(&mut self) -> Result<()>;

    fn one(&mut self, sql: &str, params: &[Val]) -> Result<Option<Vec<Val>>> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }
}

// ---------------------------------------------------------------- SQLite

pub(crate) struct Sqlite {
    conn: rusqlite::Connection,
}

impl Sqlite {
    /// Opens (creating when `create`) a database file, in WAL mode, waiting up to
    /// `busy` for another writer's lock before reporting the database as locked.
    pub fn open(path: &str, read_only: bool, busy: Duration) -> Result<Sqlite> {
        use rusqlite::OpenFlags as F;
        let flags = if read_only {
            F::SQLITE_OPEN_READ_ONLY | F::SQLITE_OPEN_NO_MUTEX
        } else {
            F::SQLITE_OPEN_READ_WRITE | F::SQLITE_OPEN_CREATE | F::SQLITE_OPEN_NO_MUTEX
        };
        let conn = rusqlite::Connection::open_with_flags(path, flags).map_err(|e| from_sqlite(e).context(path))?;
        conn.busy_timeout(busy).map_err(from_sqlite)?;
        let mut s = Sqlite { conn };
        if !read_only {
            // WAL: readers never block the writer, and a crash leaves the last committed
            // transaction intact. synchronous=NORMAL is durable up to the last
            // checkpointed commit and never corrupts.
            let mode = s.rows("PRAGMA journal_mode=WAL", &[]).map_err(|e| e.context(path))?;
            if mode.first().and_then(|r| r[0].text()).is_some_and(|m| m != "wal") {
                return Err(Error::new(ErrorKind::Open, format!("{path}: cannot switch the database to WAL mode")));
            }
            s.batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")?;
        }
        Ok(s)
    }

    /// Caps the database at `pages` pages (used to test a full disk).
    pub fn max_page_count(&mut self, pages: u64) -> Result<()> {
        self.batch(&format!("PRAGMA max_page_count={pages}"))
    }
}

struct SqlVal<'a>(&'a Val);

impl rusqlite::ToSql for SqlVal<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self.0 {
            Val::Null => ValueRef::Null,
            Val::Int(i) => ValueRef::Integer(*i),
            Val::Real(f) => ValueRef::Real(*f),
            Val::Text(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}

impl Conn for Sqlite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn execute(&mut self, sql: &str, params: &[Val]) -> Result<u64> {
        let mut st = self.conn.prepare_cached(sql).map_err(from_sqlite)?;
        let n = st.execute(rusqlite::params_from_iter(params.iter().map(SqlVal))).map_err(from_sqlite)?;
        Ok(n as u64)
    }

    fn rows(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Vec<Val>>> {
        use rusqlite::types::ValueRef;
        let mut st = self.conn.prepare_cached(sql).map_err(from_sqlite)?;
        let n = st.column_count();
        let mut rows = st.query(rusqlite::params_from_iter(params.iter().map(SqlVal))).map_err(from_sqlite)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(from_sqlite)? {
            let mut r = Vec::with_capacity(n);
            for i in 0..n {
                r.push(match row.get_ref(i).map_err(from_sqlite)? {
                    ValueRef::Null => Val::Null,
                    ValueRef::Integer(i) => Val::Int(i),
                    ValueRef::Real(f) => Val::Real(f),
                    ValueRef::Text(t) | ValueRef::Blob(t) => Val::Text(String::from_utf8_lossy(t).into_owned()),
                });
            }
            out.push(r);
        }
        Ok(out)
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        self.conn.execute_batch(sql).map_err(from_sqlite)
    }

    fn begin_write(&mut self) -> Result<()> {
        // IMMEDIATE takes the write lock now, so two processes never both read the
        // candidates for linking and then both write.
        self.batch("BEGIN IMMEDIATE")
    }
}

// ---------------------------------------------------------------- PostgreSQL

pub(crate) struct Postgres {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

impl Postgres {
    pub fn open(url: &str) -> Result<Postgres> {
        let client = postgres::Client::connect(url, postgres::NoTls).map_err(|e| {
            let kind = if e.as_db_error().is_some() { ErrorKind::Open } else { ErrorKind::Connection };
            Error::new(kind, format!("cannot connect to {}: {}", redact(url), e))
        })?;
        let mut p = Postgres { client, statements: HashMap::new() };
        p.batch("SET client_min_messages = WARNING")?;
        Ok(p)
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let st = self.client.prepare(&dollar_params(sql)).map_err(from_postgres)?;
        self.statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

/// `?` placeholders as PostgreSQL's `$1, $2, …` (the store's SQL has no `?` in literals).
fn dollar_params(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(c);
        }
    }
    out
}

impl postgres::types::ToSql for Val {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::{IsNull, Type};
        match self {
            Val::Null => Ok(IsNull::Yes),
            Val::Int(i) => match *ty {
                Type::INT2 => (*i as i16).to_sql(ty, out),
                Type::INT4 => (*i as i32).to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => i.to_string().to_sql(ty, out),
                _ => i.to_sql(ty, out),
            },
            Val::Real(f) => match *ty {
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                Type::INT8 => (*f as i64).to_sql(ty, out),
                _ => f.to_sql(ty, out),
            },
            Val::Text(s) => s.to_sql(ty, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

impl Conn for Postgres {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn execute(&mut self, sql: &str, params: &[Val]) -> Result<u64> {
        let st = self.statement(sql)?;
        let p: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(|v| v as _).collect();
        self.client.execute(&st, &p).map_err(from_postgres)
    }

    fn rows(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Vec<Val>>> {
        use postgres::types::Type;
        let st = self.statement(sql)?;
        let p: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(|v| v as _).collect();
        let rows = self.client.query(&st, &p).map_err(from_postgres)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut r = Vec::with_capacity(row.len());
            for (i, col) in row.columns().iter().enumerate() {
                let v = match *col.type_() {
                    Type::INT8 => row.get::<_, Option<i64>>(i).into(),
                    Type::INT4 => row.get::<_, Option<i32>>(i).map(i64::from).into(),
                    Type::INT2 => row.get::<_, Option<i16>>(i).map(i64::from).into(),
                    Type::FLOAT8 => row.get::<_, Option<f64>>(i).into(),
                    Type::FLOAT4 => row.get::<_, Option<f32>>(i).map(f64::from).into(),
                    Type::BOOL => row.get::<_, Option<bool>>(i).map(i64::from).into(),
                    _ => row.get::<_, Option<String>>(i).into(),
                };
                r.push(v);
            }
            out.push(r);
        }
        Ok(out)
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        self.client.batch_execute(sql).map_err(from_postgres)
    }

    fn begin_write(&mut self) -> Result<()> {
        // One writer at a time across every process that shares the server: linking
        // reads candidates then writes, which must not interleave.
        self.batch("BEGIN; SELECT pg_advisory_xact_lock(7386212)")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_numbered_in_order() {
        assert_eq!(super::dollar_params("a = ? AND b IN (?, ?)"), "a = $1 AND b IN ($2, $3)");
    }
}
