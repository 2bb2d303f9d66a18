//! A network of one hidden layer over the same sparse features as the logistic
//! regression: each feature kept has a row of `width` weights into the hidden units
//! (rectified), and the units a weight per class; the rules' sub-type has its agreement
//! weight as in the regression. The hidden units read features together: "a crowd" and
//! "the police" and "shots" in one text can make a unit that none of them makes alone,
//! which a sum of weights per feature cannot.
//!
//! It is trained by AdaGrad with dropout on the hidden units, from small random weights
//! drawn by a fixed seed, so that the same data and options give the same network.

use super::{softmax_in_place, TrainOptions};

/// The weights of the network. `width` 0 is no network.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Net {
    /// The features kept, sorted.
    pub ids: Vec<u32>,
    pub width: usize,
    /// `ids.len() * width`, feature-major.
    pub w1: Vec<f32>,
    pub b1: Vec<f32>,
    /// `width * classes`, unit-major.
    pub w2: Vec<f32>,
    pub b2: Vec<f32>,
    /// Added to the score of the class the rules coded.
    pub agree: f32,
}

/// xorshift64: the shuffles and the starting weights.
pub(super) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }

    pub fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            v.swap(i, (self.next() % (i as u64 + 1)) as usize);
        }
    }
}

impl Net {
    /// The hidden units for `x` (rows of the kept features), rectified.
    fn hidden(&self, x: &[(u32, f32)], out: &mut [f32]) {
        out.copy_from_slice(&self.b1);
        let h = self.width;
        for &(f, v) in x {
            for (o, w) in out.iter_mut().zip(&self.w1[f as usize * h..(f as usize + 1) * h]) {
                *o += v * w;
            }
        }
        for o in out.iter_mut() {
            *o = o.max(0.0);
        }
    }

    /// Class scores from the hidden units.
    fn output(&self, hidden: &[f32], rule: Option<usize>, out: &mut [f32]) {
        let k = out.len();
        out.copy_from_slice(&self.b2);
        for (j, &hv) in hidden.iter().enumerate() {
            if hv != 0.0 {
                for (s, w) in out.iter_mut().zip(&self.w2[j * k..(j + 1) * k]) {
                    *s += hv * w;
                }
            }
        }
        if let Some(r) = rule {
            out[r] += self.agree;
        }
    }

    /// Class scores for a document's vector (by feature id, as [`super::vectorize`]
    /// makes it): features the network does not know are left out.
    pub fn scores(&self, x: &[(u32, f32)], k: usize, rule: Option<usize>) -> Vec<f32> {
        let rows: Vec<(u32, f32)> =
            x.iter().filter_map(|&(id, v)| self.ids.binary_search(&id).ok().map(|r| (r as u32, v))).collect();
        let mut hidden = vec![0f32; self.width];
        self.hidden(&rows, &mut hidden);
        let mut s = vec![0f32; k];
        self.output(&hidden, rule, &mut s);
        s
    }

    /// Fits a network of `o.hidden` units to `xs` (rows of `ids.len()` features).
    pub fn fit(
        ids: Vec<u32>,
        xs: &[Vec<(u32, f32)>],
        ys: &[usize],
        rules: &[Option<usize>],
        k: usize,
        o: &TrainOptions,
    ) -> Net {
        let (h, dims) = (o.hidden, ids.len());
        let mut rng = Rng(0x2f6b_1a3c_9d84_e507);
        // Inputs are unit length per namespace, a few namespaces a document: small
        // starting weights keep the units in their linear range at first.
        let mut net = Net {
            ids,
            width: h,
            w1: (0..dims * h).map(|_| (rng.unit() * 2.0 - 1.0) * 0.1).collect(),
            b1: vec![0.0; h],
            w2: (0..h * k).map(|_| (rng.unit() * 2.0 - 1.0) / (h as f32).sqrt()).collect(),
            b2: vec![0.0; k],
            agree: 0.0,
        };
        if h == 0 {
            return net;
        }
        const EPS: f32 = 1e-6;
        let (rate, l2, drop) = (o.hidden_rate, o.l2, o.dropout);
        let mut g1 = vec![0f32; dims * h];
        let mut gb1 = vec![0f32; h];
        let mut g2 = vec![0f32; h * k];
        let mut gb2 = vec![0f32; k];
        let mut ga = 0f32;
        let mut order: Vec<usize> = (0..xs.len()).collect();
        let (mut hid, mut keep, mut dh, mut p) = (vec![0f32; h], vec![1f32; h], vec![0f32; h], vec![0f32; k]);
        for _ in 0..o.hidden_epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                let x = &xs[i];
                net.hidden(x, &mut hid);
                if drop > 0.0 {
                    for (u, m) in hid.iter_mut().zip(keep.iter_mut()) {
                        *m = if rng.unit() < drop { 0.0 } else { 1.0 / (1.0 - drop) };
                        *u *= *m;
                    }
                }
                net.output(&hid, rules[i], &mut p);
                softmax_in_place(&mut p);
                p[ys[i]] -= 1.0;
                // The gradient at each unit, through the rectifier and the dropout.
                for j in 0..h {
                    dh[j] = if hid[j] > 0.0 {
                        keep[j] * p.iter().zip(&net.w2[j * k..(j + 1) * k]).map(|(g, w)| g * w).sum::<f32>()
                    } else {
                        0.0
                    };
                }
                for j in (0..h).filter(|&j| hid[j] != 0.0) {
                    let rows = net.w2[j * k..(j + 1) * k].iter_mut().zip(&mut g2[j * k..(j + 1) * k]);
                    for ((w, g2), pc) in rows.zip(&p) {
                        let g = pc * hid[j] + l2 * *w;
                        *g2 += g * g;
                        *w -= rate * g / (*g2 + EPS).sqrt();
                    }
                }
                for ((b, g), pc) in net.b2.iter_mut().zip(gb2.iter_mut()).zip(&p) {
                    *g += pc * pc;
                    *b -= rate * pc / (*g + EPS).sqrt();
                }
                for j in (0..h).filter(|&j| dh[j] != 0.0) {
                    gb1[j] += dh[j] * dh[j];
                    net.b1[j] -= rate * dh[j] / (gb1[j] + EPS).sqrt();
                }
                for &(f, v) in x {
                    let row = f as usize * h;
                    for j in (0..h).filter(|&j| dh[j] != 0.0) {
                        let at = row + j;
                        let g = dh[j] * v + l2 * net.w1[at];
                        g1[at] += g * g;
                        net.w1[at] -= rate * g / (g1[at] + EPS).sqrt();
                    }
                }
                if let Some(r) = rules[i] {
                    ga += p[r] * p[r];
                    net.agree -= rate * p[r] / (ga + EPS).sqrt();
                }
            }
        }
        net
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argmax(s: &[f32]) -> usize {
        (0..s.len()).max_by(|a, b| s[*a].total_cmp(&s[*b])).unwrap()
    }

    #[test]
    fn learns_what_no_sum_of_weights_can() {
        // Exclusive or: either of features 0 and 1 alone is class 1, both or neither class
        // 0 (feature 2 is in every document). A weight per feature cannot tell both from
        // neither; hidden units can.
        let docs: [(&[u32], usize); 4] = [(&[2], 0), (&[0, 2], 1), (&[1, 2], 1), (&[0, 1, 2], 0)];
        let xs: Vec<Vec<(u32, f32)>> =
            docs.iter().cycle().take(40).map(|(f, _)| f.iter().map(|&i| (i, 1.0)).collect()).collect();
        let ys: Vec<usize> = docs.iter().cycle().take(40).map(|(_, y)| *y).collect();
        let o = TrainOptions { hidden: 8, hidden_epochs: 60, dropout: 0.0, ..TrainOptions::default() };
        let net = Net::fit(vec![10, 11, 12], &xs, &ys, &vec![None; 40], 2, &o);
        for (f, y) in docs {
            let x: Vec<(u32, f32)> = f.iter().map(|&i| (10 + i, 1.0)).collect();
            assert_eq!(argmax(&net.scores(&x, 2, None)), y, "{f:?}");
        }
        // The same fit gives the same network.
        assert_eq!(Net::fit(vec![10, 11, 12], &xs, &ys, &vec![None; 40], 2, &o), net);
    }

    #[test]
    fn no_width_is_no_network() {
        let o = TrainOptions { hidden: 0, ..TrainOptions::default() };
        let net = Net::fit(vec![1, 2], &[vec![(0, 1.0)], vec![(1, 1.0)]], &[0, 1], &[None, None], 2, &o);
        assert_eq!(net.width, 0);
        assert!(net.w1.is_empty() && net.b1.is_empty());
    }
}
