"""The benches' own PostgreSQL databases: created on first use (the scripts migrate and fill them)."""


def ensure_database(url: str) -> None:
    """Create the database named at the end of ``url`` if the server does not have it yet."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
