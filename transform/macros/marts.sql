{#- What a mart's percentages divide by, in one row: every lead mailed when sent_emails was
    loaded, else the replied leads only (docs.md's `denominator`). The report and the tests
    read these two strings. -#}
{% macro denominator(sent_list) -%}
    select case when count(*) > 0 then 'every lead mailed (sent_emails)'
                else 'replied leads only (sent_emails not loaded)' end as denominator
    from {{ sent_list }}
{%- endmacro %}
