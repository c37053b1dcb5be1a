"""Clinical dictionaries: drugs, frequencies, routes, order items, ICD-10, lab tests; pinyin search."""
