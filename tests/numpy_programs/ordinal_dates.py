"""Calendar arithmetic with integer arrays: day numbers, weekdays, month ends, ISO weeks."""
import numpy as np


def days_from_civil(y, m, d):
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = np.mod(m + 9, 12)
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z = z + 719468
    era = np.floor_divide(z, 146097)
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = np.where(mp < 10, mp + 3, mp - 9)
    y = yoe + era * 400 + (m <= 2)
    return y, m, d


def is_leap(y):
    return (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))


def main():
    years = np.array([1970, 2000, 2024, 1999, 2100, 1900, 2023])
    months = np.array([1, 2, 2, 12, 3, 3, 7])
    days = np.array([1, 29, 29, 31, 1, 1, 14])
    z = days_from_civil(years, months, days)
    weekday = np.mod(z + 3, 7)            # 0 = Monday
    back = np.stack(civil_from_days(z))
    span = days_from_civil(np.array([2024]), np.array([12]), np.array([25])) - z
    plus = np.stack(civil_from_days(z + 1000))
    month_len = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    leap = is_leap(years)
    feb = month_len[1] + leap
    q, r = np.divmod(z, 7)
    # first Mondays of each month of 2024
    firsts = days_from_civil(np.full(12, 2024), np.arange(1, 13), np.ones(12, dtype=int))
    first_monday = firsts + np.mod(7 - np.mod(firsts + 3, 7), 7)
    _, _, fm_day = civil_from_days(first_monday)
    return {
        "day_numbers": z,
        "weekday": weekday,
        "roundtrip": back,
        "days_to_xmas": span,
        "plus_1000": plus,
        "leap": leap,
        "feb_days": feb,
        "weeks": q,
        "rem": r,
        "first_monday_2024": fm_day,
        "cumulative_days": np.cumsum(month_len)[-1],
    }
