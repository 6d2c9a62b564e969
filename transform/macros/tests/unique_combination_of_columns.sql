{#- Each combination of these columns appears once: a key of several columns (an email is
    its thread's email_lead_map_id and its email_key). dbt's own `unique` takes one column. -#}
{% test unique_combination_of_columns(model, combination) %}
select {{ combination | join(', ') }}, count(*) as rows_with_this_key
from {{ model }}
group by {{ combination | join(', ') }}
having count(*) > 1
{% endtest %}
