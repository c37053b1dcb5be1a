"""The 病历 tab of the chart (issue 12): document list, template-based editor with autosave and a
local crash copy, sign / co-sign / revise, side-by-side revision diff; and the 待完成 panel."""
