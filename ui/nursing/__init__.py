"""The chart's 护理记录 tab and the risk-assessment dialogs (issue 14)."""
