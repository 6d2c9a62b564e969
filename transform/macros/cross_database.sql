{#- SQL that DuckDB and PostgreSQL write differently, through adapter.dispatch: a project that
    installs this package on another warehouse can add its own `<adapter>__` version. -#}

{#- An integer from text that may hold something else (the API sends ids and sequence numbers
    as strings): the number, or null rather than an error for a value that is not one. -#}
{% macro safe_integer(expression) -%}
    {{ return(adapter.dispatch('safe_integer', 'smartlead_inbox')(expression)) }}
{%- endmacro %}

{% macro default__safe_integer(expression) -%}
    case when trim(cast({{ expression }} as {{ dbt.type_string() }})) ~ '^-?[0-9]+$'
         then cast(trim(cast({{ expression }} as {{ dbt.type_string() }})) as {{ dbt.type_bigint() }}) end
{%- endmacro %}

{% macro duckdb__safe_integer(expression) -%}
    try_cast(trim(cast({{ expression }} as {{ dbt.type_string() }})) as {{ dbt.type_bigint() }})
{%- endmacro %}

{#- A decimal from text ("0.00", the API's revenue), or null. -#}
{% macro safe_decimal(expression) -%}
    {{ return(adapter.dispatch('safe_decimal', 'smartlead_inbox')(expression)) }}
{%- endmacro %}

{% macro default__safe_decimal(expression) -%}
    case when trim(cast({{ expression }} as {{ dbt.type_string() }})) ~ '^-?[0-9]+(\.[0-9]+)?$'
         then cast(trim(cast({{ expression }} as {{ dbt.type_string() }})) as {{ dbt.type_numeric() }}) end
{%- endmacro %}

{% macro duckdb__safe_decimal(expression) -%}
    try_cast(trim(cast({{ expression }} as {{ dbt.type_string() }})) as {{ dbt.type_numeric() }})
{%- endmacro %}

{#- Seconds from one timestamp to a later one. -#}
{% macro seconds_between(earlier, later) -%}
    {{ return(adapter.dispatch('seconds_between', 'smartlead_inbox')(earlier, later)) }}
{%- endmacro %}

{% macro default__seconds_between(earlier, later) -%}
    extract(epoch from ({{ later }} - {{ earlier }}))
{%- endmacro %}

{% macro duckdb__seconds_between(earlier, later) -%}
    epoch({{ later }} - {{ earlier }})
{%- endmacro %}

{#- The median of a group. -#}
{% macro median(expression) -%}
    {{ return(adapter.dispatch('median', 'smartlead_inbox')(expression)) }}
{%- endmacro %}

{% macro default__median(expression) -%}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}

{% macro duckdb__median(expression) -%}
    median({{ expression }})
{%- endmacro %}

{#- Now, as a timestamp without a zone in UTC: the loaders store the API's times that way. -#}
{% macro utc_now() -%}
    cast({{ dbt.current_timestamp() }} at time zone 'UTC' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- One decimal, for figures a person reads (percentages, hours). PostgreSQL rounds only
    numeric, so the value is cast first. -#}
{% macro round_1(expression) -%}
    round(cast({{ expression }} as {{ dbt.type_numeric() }}), 1)
{%- endmacro %}

{#- numerator / denominator as a percentage with one decimal; null when nothing was counted. -#}
{% macro percent(numerator, denominator) -%}
    {{ smartlead_inbox.round_1('100.0 * ' ~ numerator ~ ' / nullif(' ~ denominator ~ ', 0)') }}
{%- endmacro %}
