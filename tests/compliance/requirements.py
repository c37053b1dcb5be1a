"""Capabilities of the backends the compliance suite runs against.

SQLAlchemy's SuiteRequirements keeps ~100 features closed by default (a new dialect starts
conservative). For the PostgreSQL family -- any dialect derived from SQLAlchemy's PGDialect,
so `postgresql+psycopg2` and `kingbase+ksycopg2` alike -- this opens what PostgreSQL supports,
following the decisions in SQLAlchemy's own test/requirements.py for PostgreSQL (which are
written as `only_on("postgresql")` and would not match a dialect named "kingbase"). Both
dialects therefore run exactly the same tests. Other backends (DM, Oracle) keep the defaults.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import testing
from sqlalchemy.dialects.postgresql.base import PGDialect
from sqlalchemy.testing import exclusions
from sqlalchemy.testing.requirements import SuiteRequirements


def _is_pg_family(config: Any) -> bool:
    return isinstance(config.db.dialect, PGDialect)


def _pg(min_version: tuple[int, ...] = ()) -> Any:
    def check(config: Any) -> bool:
        if not _is_pg_family(config):
            return False
        return bool(tuple(config.db.dialect.server_version_info or ()) >= min_version)

    label = "PostgreSQL family" + (f" >= {'.'.join(map(str, min_version))}" if min_version else "")
    return exclusions.only_if(check, label)


def _pg_or_default(name: str, min_version: tuple[int, ...] = (), extra: Any = None) -> Any:
    """PostgreSQL family (at that server version, and `extra(config)`): open; any other backend:
    what SuiteRequirements says."""

    def getter(self: Requirements) -> Any:
        default = getattr(SuiteRequirements, name).fget(self)
        pg = _pg(min_version)

        def check(config: Any) -> bool:
            if _is_pg_family(config):
                return bool(pg.enabled_for_config(config) and (extra is None or extra(config)))
            return bool(default.enabled_for_config(config))

        return exclusions.only_if(check, f"{name}: PostgreSQL family, else SuiteRequirements")

    return property(getter)


# Features PostgreSQL 15 has: SQLAlchemy's test/requirements.py opens each of these for
# "postgresql" (with the server version where given).
_PG_FEATURES: dict[str, tuple[int, ...]] = {
    "array_type": (),
    "boolean_col_expressions": (),
    "check_constraint_reflection": (),
    "column_collation_reflection": (),
    "comment_reflection": (),
    "comment_reflection_full_unicode": (),
    "computed_columns": (12,),
    "computed_columns_default_persisted": (12,),
    "computed_columns_reflect_persisted": (12,),
    "computed_columns_stored": (12,),
    "constraint_comment_reflection": (),
    "cross_schema_fk_reflection": (),
    "ctes": (),
    "ctes_on_dml": (),
    "ctes_with_update_delete": (),
    "ctes_with_values": (),
    "date_historic": (),
    "datetime_historic": (),
    "datetime_interval": (),
    "datetime_literals": (),
    "datetime_timezone": (),
    "default_schema_name_switch": (),
    "deferrable_fks": (),
    "delete_from": (),
    "except_": (),
    "expression_server_defaults": (),
    "fetch_expression": (),
    "fetch_first": (),
    "fetch_no_order_by": (),
    "fetch_offset_with_options": (),
    "fetch_ties": (13,),
    "fk_constraint_option_reflection_ondelete_noaction": (),
    "fk_constraint_option_reflection_ondelete_restrict": (),
    "fk_constraint_option_reflection_onupdate_restrict": (),
    "float_or_double_precision_behaves_generically": (),
    "foreign_key_constraint_name_reflection": (),
    "foreign_key_constraint_option_reflection_ondelete": (),
    "foreign_key_constraint_option_reflection_onupdate": (),
    "has_temp_table": (),
    "identity_columns": (10,),
    "identity_columns_standard": (10,),
    "implicit_default_schema": (),
    "index_ddl_if_exists": (),
    "index_reflects_included_columns": (11,),
    "indexes_check_column_order": (),
    "indexes_with_expressions": (),
    "infinity_floats": (),  # psycopg2 and its fork ksycopg2
    "inline_check_constraint_reflection": (),
    "intersect": (),
    "isolation_level": (),
    "json_type": (9, 3),
    "legacy_unconditional_json_extract": (9, 3),
    "materialized_views": (),
    "mod_operator_as_percent_sign": (),  # psycopg2-style "%%": exactly what ksycopg2 got wrong
    "nullsordering": (),
    "percent_schema_names": (),
    "precision_numerics_enotation_small": (),
    "precision_numerics_many_significant_digits": (),
    "precision_numerics_retains_significant_digits": (),
    "reflect_indexes_with_expressions": (),
    "reflect_tables_no_columns": (),
    "reflects_pk_names": (),
    "regexp_match": (),
    "regexp_replace": (),
    "repeated_column_foreign_keys": (),
    "savepoints": (),
    "schema_create_delete": (),
    "server_defaults": (),
    "skip_autocommit_rollback": (),
    "supports_bitwise_and": (),
    "supports_bitwise_not": (),
    "supports_bitwise_or": (),
    "supports_bitwise_shift": (),
    "supports_bitwise_xor": (),
    "supports_distinct_on": (),
    "table_ddl_if_exists": (),
    "table_value_constructor": (),
    "temp_table_comment_reflection": (),
    "temp_table_names": (),
    "temporary_views": (),
    "time_timezone": (),
    "tuple_in": (),
    "unicode_ddl": (),
    "unique_constraints_reflect_as_index": (),
    "update_from": (),
    "uuid_data_type": (8, 3),
    "views": (),
    "window_functions": (8, 4),
}


class Requirements(SuiteRequirements):
    def get_order_by_collation(self, config: Any) -> str:
        if _is_pg_family(config):
            return "POSIX"  # as SQLAlchemy's own requirements for PostgreSQL: raises without quoting
        return str(super().get_order_by_collation(config))


for _name, _version in _PG_FEATURES.items():
    setattr(Requirements, _name, _pg_or_default(_name, _version))
Requirements.autocommit = _pg_or_default(  # type: ignore[assignment]
    "autocommit",
    extra=lambda config: "AUTOCOMMIT" in testing.requires.get_isolation_levels(config)["supported"])
# (two_phase_transactions stays closed: no test of the dialect suite uses it)
