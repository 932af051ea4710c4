"""SQLAlchemy (Debian's python3-sqlalchemy, over psycopg2) against the server
named by PGHOST/PGPORT/PGUSER/PGDATABASE.

Prints a deterministic transcript (regress/clients/run.sh compares the one
from PostgreSQL 15 with Tusk's): MetaData.create_all, ORM inserts, queries
and relationships, Core statements with bound parameters, and reflection
(MetaData.reflect and the inspector) of tables made by plain SQL.
"""
import datetime
import decimal

import sqlalchemy as sa
from sqlalchemy import orm


def show(label, value):
    print(f"{label}: {value!r}")


def section(title):
    print(f"-- {title}")


engine = sa.create_engine("postgresql+psycopg2://", future=True)
Base = orm.declarative_base()


class Author(Base):
    __tablename__ = "sa_author"
    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.String(50), nullable=False, unique=True)
    born = sa.Column(sa.Date)
    books = orm.relationship("Book", back_populates="author", order_by="Book.id", cascade="all, delete-orphan")


class Book(Base):
    __tablename__ = "sa_book"
    id = sa.Column(sa.Integer, primary_key=True)
    author_id = sa.Column(sa.Integer, sa.ForeignKey("sa_author.id"), nullable=False)
    title = sa.Column(sa.Text, nullable=False)
    price = sa.Column(sa.Numeric(8, 2))
    published = sa.Column(sa.DateTime(timezone=True))
    in_stock = sa.Column(sa.Boolean, server_default=sa.true())
    rating = sa.Column(sa.Float)
    cover = sa.Column(sa.LargeBinary)
    tags = sa.Column(sa.ARRAY(sa.Text))
    author = orm.relationship("Author", back_populates="books")
    __table_args__ = (sa.Index("sa_book_title_idx", "title"), sa.CheckConstraint("price >= 0", name="sa_price_ck"))


section("create_all")
Base.metadata.create_all(engine)
show("tables", sorted(Base.metadata.tables))

section("ORM inserts")
utc = datetime.timezone.utc
with orm.Session(engine) as session:
    a1 = Author(id=1, name="Ann", born=datetime.date(1970, 5, 1))
    a2 = Author(id=2, name="Bob")
    a1.books = [
        Book(id=1, title="First", price=decimal.Decimal("10.50"), published=datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=utc),
             rating=4.5, cover=b"\x00\x01", tags=["a", "b"]),
        Book(id=2, title="Second", price=decimal.Decimal("7"), tags=[]),
    ]
    a2.books = [Book(id=3, title="Third", price=None, in_stock=False)]
    session.add_all([a1, a2])
    session.commit()
    show("authors", session.scalar(sa.select(sa.func.count()).select_from(Author)))

section("ORM queries and relationships")
with orm.Session(engine) as session:
    for a in session.scalars(sa.select(Author).order_by(Author.id)):
        print(a.id, a.name, a.born, [(b.id, b.title, b.price, b.in_stock, b.tags) for b in a.books])
    q = (
        sa.select(Author.name, sa.func.count(Book.id), sa.func.sum(Book.price))
        .join(Book)
        .group_by(Author.name)
        .order_by(Author.name)
    )
    show("aggregate", session.execute(q).all())
    book = session.get(Book, 1)
    show("book", (book.title, book.author.name, book.published, book.rating, book.cover))
    show("filter", session.scalars(sa.select(Book.title).where(Book.price > 8).where(Book.tags.any("a"))).all())
    show("like", session.scalars(sa.select(Author.name).where(Author.name.like("A%"))).all())
    joined = session.scalars(
        sa.select(Author).options(orm.selectinload(Author.books)).where(Author.id.in_([1, 2])).order_by(Author.id)
    ).all()
    show("selectinload", [(a.name, len(a.books)) for a in joined])
    book.price = decimal.Decimal("11.25")
    session.delete(session.get(Book, 2))
    session.commit()
    show("after update", session.execute(sa.select(Book.id, Book.price).order_by(Book.id)).all())
    try:
        session.add(Author(id=3, name="Ann"))
        session.commit()
    except sa.exc.IntegrityError as e:
        show("integrity", (type(e.orig).__name__, e.orig.pgcode))
        session.rollback()

section("Core with parameters")
with engine.begin() as conn:
    rows = conn.execute(sa.text("SELECT :a + 1 AS x, :b AS y, CAST(:c AS numeric) * 2 AS z"), {"a": 1, "b": "t", "c": "1.5"}).all()
    show("text()", rows)
    conn.execute(sa.insert(Book.__table__), [{"id": 10 + i, "author_id": 2, "title": f"bulk {i}"} for i in range(3)])
    show("bulk", conn.execute(sa.select(Book.__table__.c.title).where(Book.__table__.c.id >= 10).order_by("id")).scalars().all())
    res = conn.execute(sa.update(Book.__table__).where(Book.__table__.c.id >= 10).values(rating=1.0))
    show("rowcount", res.rowcount)

section("reflection of tables made by SQL")
with engine.begin() as conn:
    conn.execute(sa.text(
        "CREATE TABLE sa_plain (id serial PRIMARY KEY, code varchar(10) NOT NULL UNIQUE, "
        "amount numeric(12,3) DEFAULT 0, created timestamp DEFAULT now(), note text, flags bool[])"
    ))
    conn.execute(sa.text(
        "CREATE TABLE sa_child (id int PRIMARY KEY, plain_id int REFERENCES sa_plain (id) ON DELETE CASCADE, "
        "qty int CHECK (qty > 0))"
    ))
    conn.execute(sa.text("CREATE INDEX sa_child_qty_idx ON sa_child (qty)"))
insp = sa.inspect(engine)
show("table names", sorted(insp.get_table_names()))
show("indexes sa_child", insp.get_indexes("sa_child"))
show("indexes sa_book", insp.get_indexes("sa_book"))
show("unique sa_plain", insp.get_unique_constraints("sa_plain"))
show("pk sa_plain", insp.get_pk_constraint("sa_plain"))
show("fks sa_child", insp.get_foreign_keys("sa_child"))
show("checks sa_child", insp.get_check_constraints("sa_child"))
show("checks sa_book", insp.get_check_constraints("sa_book"))
meta = sa.MetaData()
meta.reflect(engine, only=["sa_plain", "sa_child", "sa_book", "sa_author"])
for name in sorted(meta.tables):
    t = meta.tables[name]
    print(name)
    for c in t.columns:
        print(f"  {c.name} {c.type!r} nullable={c.nullable} pk={c.primary_key} "
              f"default={c.server_default.arg.text if c.server_default is not None else None}")
    print(f"  pk {t.primary_key.name} {[c.name for c in t.primary_key.columns]}")
    for fk in sorted(t.foreign_keys, key=lambda f: f.parent.name):
        print(f"  fk {fk.parent.name} -> {fk.target_fullname} ondelete={fk.ondelete}")
plain = meta.tables["sa_plain"]
with engine.begin() as conn:
    conn.execute(plain.insert(), [{"code": "A", "amount": 0, "flags": None},
                                  {"code": "B", "amount": decimal.Decimal("2.5"), "flags": [True, None]}])
    show("reflected insert", conn.execute(sa.select(plain.c.id, plain.c.code, plain.c.amount, plain.c.flags).order_by(plain.c.id)).all())

show("columns sa_child", [(c["name"], repr(c["type"]), c["nullable"], c["default"]) for c in insp.get_columns("sa_child")])

section("reflected json, uuid, network and enum columns")
with engine.begin() as conn:
    conn.execute(sa.text("CREATE TYPE sa_mood AS ENUM ('sad', 'ok', 'happy')"))
    conn.execute(sa.text(
        "CREATE TABLE sa_types (id int PRIMARY KEY, j json, jb jsonb, u uuid, ip inet, net cidr, "
        "mac macaddr, mac8 macaddr8, mood sa_mood)"
    ))
types_meta = sa.MetaData()
types = sa.Table("sa_types", types_meta, autoload_with=engine)
for c in types.columns:
    print(f"  {c.name} {c.type!r}")
show("enums", sa.inspect(engine).get_enums())
with engine.begin() as conn:
    conn.execute(types.insert(), [
        {"id": 1, "j": {"a": [1, 2, None]}, "jb": {"b": True, "a": 1.5}, "u": "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
         "ip": "192.168.0.1/24", "net": "10.1.0.0/16", "mac": "08:00:2b:01:02:03", "mac8": "08:00:2b:01:02:03:04:05",
         "mood": "happy"},
        {"id": 2, "j": None, "jb": [1, "x"], "u": None, "ip": "::1", "net": "2001:db8::/32", "mac": None,
         "mac8": "08:00:2b:01:02:03", "mood": "sad"},
    ])
    for row in conn.execute(sa.select(types).order_by(types.c.id)):
        show("row", row)
    show("jsonb path", conn.execute(sa.select(types.c.jb["a"]).where(types.c.id == 1)).scalar())
    show("by enum", conn.execute(sa.select(types.c.id).where(types.c.mood > "ok")).scalars().all())
    show("by uuid", conn.execute(sa.select(types.c.id).where(types.c.u == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")).scalars().all())

section("drop_all")
Base.metadata.drop_all(engine)
show("tables left", sorted(sa.inspect(engine).get_table_names()))
engine.dispose()
