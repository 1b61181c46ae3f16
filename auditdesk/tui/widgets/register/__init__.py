"""Widgets of the register board (问题台账): filters, the findings table, a finding's detail."""
