//! Exact fractions for scores, so that comparisons (the 50 % cut, the 25 % threshold, ties
//! between support types) are decided on exact values, never on floats that differ in the last
//! bit. Conversion to `f64` happens once, for display and output.

use std::cmp::Ordering;
use std::fmt;

/// A non-negative fraction in lowest terms.
#[derive(Clone, Copy, Debug)]
pub struct Ratio {
    num: u64,
    den: u64,
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Ratio {
    /// `num / den`; a zero denominator gives zero, since every ratio here is a share of a
    /// possible total and nothing possible means nothing achieved.
    pub fn new(num: u64, den: u64) -> Ratio {
        if den == 0 || num == 0 {
            return Ratio { num: 0, den: 1 };
        }
        let divisor = gcd(num, den);
        Ratio { num: num / divisor, den: den / divisor }
    }

    /// A whole number.
    pub fn whole(value: u64) -> Ratio {
        Ratio { num: value, den: 1 }
    }

    /// The numerator in lowest terms.
    pub fn numerator(self) -> u64 {
        self.num
    }

    /// The denominator in lowest terms.
    pub fn denominator(self) -> u64 {
        self.den
    }

    /// The sum of two ratios.
    pub fn plus(self, other: Ratio) -> Ratio {
        let den = self.den / gcd(self.den, other.den) * other.den;
        Ratio::new(self.num * (den / self.den) + other.num * (den / other.den), den)
    }

    /// This ratio times a whole number.
    pub fn times(self, factor: u64) -> Ratio {
        Ratio::new(self.num * factor, self.den)
    }

    /// This ratio divided by a whole number (zero gives zero).
    pub fn over(self, divisor: u64) -> Ratio {
        Ratio::new(self.num, self.den * divisor)
    }

    /// The nearest `f64`, from one division.
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Ratio) -> bool {
        self.num == other.num && self.den == other.den
    }
}

impl Eq for Ratio {}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Ratio) -> Ordering {
        (u128::from(self.num) * u128::from(other.den)).cmp(&(u128::from(other.num) * u128::from(self.den)))
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

#[cfg(test)]
mod tests {
    use super::Ratio;

    #[test]
    fn exact_arithmetic_and_order() {
        let third = Ratio::new(1, 3);
        assert_eq!(third.plus(third).plus(third), Ratio::whole(1));
        assert_eq!(Ratio::new(2, 6), third);
        assert!(Ratio::new(1100, 28) > Ratio::new(38, 1));
        assert_eq!(Ratio::new(5, 0), Ratio::whole(0));
        assert_eq!(Ratio::new(150, 3).over(3).times(3), Ratio::whole(50));
        assert_eq!(Ratio::new(8800, 228).to_f64(), 8800.0 / 228.0);
    }
}
