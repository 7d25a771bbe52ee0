"""Korean dates as Korean readers write them: 2025년 5월 30일, 2025. 5. 30., 14:05 (a 24-hour
clock, as Korean sites show times)."""

DATE_FORMAT = "Y년 n월 j일"
SHORT_DATE_FORMAT = "Y. n. j."
DATETIME_FORMAT = "Y년 n월 j일 H:i"
SHORT_DATETIME_FORMAT = "Y. n. j. H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "Y년 n월"
MONTH_DAY_FORMAT = "n월 j일"
FIRST_DAY_OF_WEEK = 0
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
