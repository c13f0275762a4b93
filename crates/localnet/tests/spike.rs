use anchor_lang::{InstructionData, ToAccountMetas};
use solana_sdk::{signature::Keypair, signer::Signer, transaction::Transaction, system_program};

#[tokio::test]
async fn spike_init_and_error() {
    let mut ctx = pinfi_localnet::program_test().start_with_context().await;
    let state = Keypair::new();
    let ix = solana_sdk::instruction::Instruction {
        program_id: pinfi::ID,
        accounts: pinfi::accounts::SpikeInit { state: state.pubkey(), payer: ctx.payer.pubkey(), system_program: system_program::ID }.to_account_metas(None),
        data: pinfi::instruction::SpikeInit { v: 7 }.data(),
    };
    let tx = Transaction::new_signed_with_payer(&[ix], Some(&ctx.payer.pubkey()), &[&ctx.payer, &state], ctx.last_blockhash);
    ctx.banks_client.process_transaction(tx).await.unwrap();
    let acc = ctx.banks_client.get_account(state.pubkey()).await.unwrap().unwrap();
    assert_eq!(acc.owner, pinfi::ID);
}
