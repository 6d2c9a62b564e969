{#- The staging models' shared steps: type each column of a tap table, keep the newest row of
    each key, and build an empty typed table for a stream that was never loaded. -#}

{#- A column typed by its kind: "id" (an integer the API may send as a string), "int", "text",
    "bool", "time" (UTC, as the loaders store it), "decimal" (a number sent as a string).
    A spec is (source column, kind) or (source column, kind, new name). ``missing`` types a
    null instead: the same columns for a table that does not exist. -#}
{% macro typed_column(spec, missing=false) -%}
    {%- set name, kind = spec[0], spec[1] -%}
    {%- set alias = spec[2] if spec | length > 2 else name -%}
    {%- set value = 'null' if missing else adapter.quote(name) -%}
    {%- if kind == 'id' and not missing -%} {{ smartlead_inbox.safe_integer(value) }}
    {%- elif kind == 'decimal' and not missing -%} {{ smartlead_inbox.safe_decimal(value) }}
    {%- elif kind in ('id', 'int') -%} cast({{ value }} as {{ dbt.type_bigint() }})
    {%- elif kind == 'decimal' -%} cast({{ value }} as {{ dbt.type_numeric() }})
    {%- elif kind == 'bool' -%} cast({{ value }} as {{ dbt.type_boolean() }})
    {%- elif kind == 'time' -%} cast({{ value }} as {{ dbt.type_timestamp() }})
    {%- else -%} cast({{ value }} as {{ dbt.type_string() }})
    {%- endif %} as {{ alias }}
{%- endmacro %}

{% macro column_name(spec) -%}
    {{ spec[2] if spec | length > 2 else spec[0] }}
{%- endmacro %}

{#- The whole staging query: the typed columns of ``table`` (a source of the tap), one row per
    ``key``, the newest by api_fetched_at. A loader that appends (target-csv files, a target
    without upserts) or a re-delivered thread (at-least-once delivery, the incremental re-reads)
    leaves several rows for one key; the newest is the thread as Smartlead shows it now.
    ``optional``: a stream a user may not select (sent_emails); without its table the model is
    empty, with the same columns. -#}
{% macro newest_typed_rows(table, columns, key, optional=false) -%}
    {%- set relation = source('smartlead', table) -%}
    {%- set loaded = smartlead_inbox.is_loaded(relation) if optional else true -%}
with typed as (
    {%- if loaded %}
    select
        {%- for spec in columns %}
        {{ smartlead_inbox.typed_column(spec) }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ relation }}
    {%- else %}
    -- {{ relation }} does not exist: the stream was never loaded.
    select
        {%- for spec in columns %}
        {{ smartlead_inbox.typed_column(spec, missing=true) }}{{ ',' if not loop.last }}
        {%- endfor %}
    where 1 = 0
    {%- endif %}
),

ranked as (
    select
        typed.*,
        row_number() over (
            partition by {{ key | join(', ') }}
            order by api_fetched_at desc nulls last
        ) as newest_first
    from typed
)

select
    {%- for spec in columns %}
    {{ smartlead_inbox.column_name(spec) }}{{ ',' if not loop.last }}
    {%- endfor %}
from ranked
where newest_first = 1
{%- endmacro %}

{#- Whether a table exists (read when the model runs; at parse time, nothing is connected). -#}
{% macro is_loaded(relation) -%}
    {%- if not execute -%}{{ return(false) }}{%- endif -%}
    {%- set found = adapter.get_relation(
        database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
    {{ return(found is not none) }}
{%- endmacro %}
