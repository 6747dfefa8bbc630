"""How a series recurs: RFC 5545 rules, and the words planners use for them."""
