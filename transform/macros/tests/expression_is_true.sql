{#- Every row holds ``expression`` (a SQL condition on the model's columns); the rows that do
    not are the failures. -#}
{% test expression_is_true(model, expression) %}
select *
from {{ model }}
where not ({{ expression }})
{% endtest %}
