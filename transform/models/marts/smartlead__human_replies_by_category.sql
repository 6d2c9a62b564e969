{#- What do people answer: per lead category (standard and custom), the leads, how many of them
    a person answered from, and their human replies. -#}
with threads as (
    select * from {{ ref('smartlead__threads') }}
)

select
    lead_category_id,
    case
        when lead_category_id is null then '(none)'
        else coalesce(
            max(category_name),
            {{ dbt.concat(["'(deleted category '", "cast(lead_category_id as " ~ dbt.type_string() ~ ")", "')'"]) }}
        )
    end as category_name,
    {{ dbt.bool_or('category_is_listed') }} as category_is_listed,
    count(*) as leads,
    sum(case when has_human_reply then 1 else 0 end) as leads_with_human_reply,
    sum(human_reply_count) as human_replies,
    sum(auto_reply_count) as auto_replies,
    sum(bounce_count) as bounces,
    sum(unsubscribe_count) as unsubscribes
from threads
group by lead_category_id
