{#- Values within [low, high] (nulls pass: "not counted" is said by a null, not a number). -#}
{% test between(model, column_name, low, high) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} < {{ low }} or {{ column_name }} > {{ high }}
{% endtest %}
