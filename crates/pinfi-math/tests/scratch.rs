use pinfi_math::pool::*; use pinfi_math::reserve::*;
#[test] fn scratch() {
    let b = 1580u32; let now0 = 1_700_000_000i64;
    let mut core = PoolCore{utility_reserve:0,lp_supply:0,escrow_total:0,collateral_total:0,reserve:Reserve::new(b,now0).unwrap()};
    let mut s = vec![0u128;BUCKETS];
    let p = CurveParams{fee_bps:0,collateral_bps:0,reference_price:3600};
    let now = now0; let a = align_down(now,b);
    for k in [30i64, 1, 7, 100] { let e = a + k*b as i64; println!("{:?}", core.add_liquidity(&mut s,&p,now,e,(e-now) as u64)); }
    while core.reserve.scale >= 1u128<<48 {
        let u = core.utility_reserve; println!("{:?}", core.buy_hours(&mut s,&p,now,u*9));
        println!("scale {:x} h {}", core.reserve.scale, core.hours_at(&s,now).unwrap());
    }
    let mut r2 = core.reserve; let mut s2 = s.clone(); r2.renormalize(&mut s2, now).unwrap();
    println!("after renorm h {}", r2.hours_at(&s2,now).unwrap());
    let u = core.utility_reserve; println!("{:?}", core.buy_hours(&mut s,&p,now,u/2));
}
